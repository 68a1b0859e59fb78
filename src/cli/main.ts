export async function main(argv: string[]): Promise<number> {
  console.log('tierwise', argv.join(' '));
  return 0;
}
