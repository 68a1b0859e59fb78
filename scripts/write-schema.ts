// Writes the JSON Schema that editors use to complete and check config files. The committed copy is
// compared with a fresh one by test/engine/config.test.ts, so it cannot drift from the zod schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemaText } from '../src/engine/config';

const target = join(__dirname, '..', 'schema', 'tierwise.config.schema.json');
writeFileSync(target, configJsonSchemaText());
console.log(`wrote ${target}`);
