// Size of what would go over the wire: the UTF-8 length of JSON.stringify(value), computed without
// building the string so a 1,048,576 x 8 batch can be measured (and refused) cheaply. `budget` lets
// the caller stop early: once the running size passes it, the exact remainder does not matter.

const SAFE_ASCII = /[^\x20\x21\x23-\x5b\x5d-\x7e]/; // anything JSON escapes, or that is not 1-byte UTF-8

function stringSize(s: string): number {
  if (!SAFE_ASCII.test(s)) return s.length + 2;
  return Buffer.byteLength(JSON.stringify(s), 'utf8');
}

const isArray = Array.isArray;
const POWERS = Array.from({ length: 16 }, (_, i) => 10 ** i);

// Hot: called for every cell of a million-row read. Globals (Number, Math, String) are avoided in
// the loop because jest runs tests in a vm context where each global lookup is slow.
function numberSize(n: number): number {
  if (n - n !== 0) return 4; // NaN and ±Infinity: JSON null (and no lookup of the global Infinity)
  if (n % 1 === 0 && n < 1e15 && n > -1e15) {
    const a = n < 0 ? -n : n;
    let size = n < 0 ? 2 : 1;
    while (size < 16 && a >= POWERS[n < 0 ? size - 1 : size]) size++;
    return size;
  }
  return ('' + n).length;
}

/** JSON size in bytes of `value`; may return any number > budget once the budget is exceeded. */
export function jsonSize(value: unknown, budget = Infinity): number {
  switch (typeof value) {
    case 'number':
      return numberSize(value);
    case 'string':
      return stringSize(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'undefined':
    case 'function':
    case 'symbol':
      return 4;
    case 'bigint':
      return String(value).length;
    default:
      break;
  }
  if (value === null) return 4;
  if (isArray(value)) {
    let size = value.length > 0 ? 1 + value.length : 2;
    for (let i = 0; i < value.length && size <= budget; i++) {
      const v = value[i];
      size += typeof v === 'number' ? numberSize(v) : jsonSize(v, budget - size);
    }
    return size;
  }
  if (value instanceof Date) return 26;
  const obj = value as Record<string, unknown>;
  if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') {
    return jsonSize((obj as { toJSON: () => unknown }).toJSON(), budget);
  }
  let size = 2;
  let first = true;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v === undefined || typeof v === 'function') continue;
    size += (first ? 0 : 1) + stringSize(key) + 1 + jsonSize(v, budget - size);
    first = false;
    if (size > budget) return size;
  }
  return size;
}
