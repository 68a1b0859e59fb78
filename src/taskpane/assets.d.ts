// webpack emits these files as assets of the site and hands over their URL.
declare module '*.csv' {
  const url: string;
  export default url;
}
