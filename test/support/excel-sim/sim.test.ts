// The simulator's own rules: each one is what the office host relies on being enforced.
import { epochDayToIso, serialToEpochDay } from '../../../src/engine/parse/date';
import { SimExcel, SimRichApiError, MAX_ROWS } from './index';

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return e instanceof SimRichApiError ? e.code : `not a RichApi error: ${String(e)}`;
  }
  return 'no error';
};

function book(): SimExcel {
  const sim = new SimExcel();
  const s = sim.model.addSheet('Orders');
  [['Customer', 'Sales'], ['C1', 10], ['C2', 20]].forEach((row, r) => row.forEach((v, c) => s.writeRaw(r, c, v)));
  return sim;
}

describe('excel simulator', () => {
  it('throws PropertyNotLoaded for a property read before load() and sync()', async () => {
    const sim = book();
    await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Orders').getRange('A1:B3');
      expect(() => r.values).toThrow(/The property 'values' is not available/);
      r.load('values');
      expect(() => r.values).toThrow(SimRichApiError); // loaded but not synced
      await ctx.sync();
      expect(r.values).toEqual([['Customer', 'Sales'], ['C1', 10], ['C2', 20]]);
      expect(() => r.address).toThrow(/'address' is not available/); // only what was asked for
    });
  });

  it("evaluates DATE in the workbook's date system, read only after load() and sync(), as the engine converts serials", async () => {
    // By hand: 1900-01-01 is serial 1, 1900-03-01 is 61 (after the phantom 29 February), 1904-01-01 is 1462;
    // in the 1904 system 1904-01-01 is 0 and earlier days are #NUM!.
    for (const [date1904, cases] of [
      [false, [[1900, 1, 1, 1], [1900, 3, 1, 61], [1904, 1, 1, 1462], [2017, 1, 1, 42736]]],
      [true, [[1904, 1, 1, 0], [2017, 1, 1, 41274], [1903, 12, 31, null]]],
    ] as const) {
      const sim = book();
      sim.model.date1904 = date1904;
      await sim.run(async (ctx) => {
        const results = cases.map(([y, m, d]) => ctx.workbook.functions.date(y, m, d));
        expect(() => results[0].value).toThrow(/'value' is not available/);
        results.forEach((r) => r.load('value, error'));
        await ctx.sync();
        results.forEach((r, i) => {
          const [y, m, d, serial] = cases[i];
          expect([r.value, r.error]).toEqual(serial === null ? [null, '#NUM!'] : [serial, null]);
          if (serial !== null) expect(epochDayToIso(serialToEpochDay(serial, date1904))).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
        });
      });
    }
  });

  it('answers AutoFilter.isDataFiltered only after load() and sync(), and only from ExcelApi 1.9', async () => {
    const sim = book();
    sim.model.findSheet('Orders')!.autoFilter = { enabled: true, isDataFiltered: true };
    await sim.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('Orders').autoFilter;
      expect(() => f.isDataFiltered).toThrow(/'isDataFiltered' is not available/);
      f.load('isDataFiltered');
      await ctx.sync();
      expect(f.isDataFiltered).toBe(true);
    });
    const old = new SimExcel(undefined, { excelApi: 8 });
    old.model.addSheet('Orders');
    expect(await code(old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').autoFilter.load('isDataFiltered');
      await ctx.sync();
    }))).toBe('ApiNotFound');
  });

  it('refuses to write on a protected sheet, or to add, rename or hide sheets in a protected structure', async () => {
    const sim = book();
    sim.model.findSheet('Orders')!.protected = true;
    await sim.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Orders').protection.load('protected');
      const w = ctx.workbook.protection.load('protected');
      await ctx.sync();
      expect([p.protected, w.protected]).toEqual([true, false]);
    });
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange('C1').values = [['x']];
      await ctx.sync();
    }))).toBe('AccessDenied');
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange('A1').clear();
      await ctx.sync();
    }))).toBe('AccessDenied');
    sim.model.findSheet('Orders')!.protected = false;
    sim.model.structureProtected = true;
    for (const change of [
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.add('New'),
      (ctx: Excel.RequestContext) => (ctx.workbook.worksheets.getItem('Orders').name = 'Renamed'),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Orders').delete(),
    ]) {
      expect(await code(sim.run(async (ctx) => {
        change(ctx);
        await ctx.sync();
      }))).toBe('AccessDenied');
    }
    expect(sim.model.sheets.map((s) => s.name)).toEqual(['Orders']);
    // Cells may still be written: only the structure is protected.
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange('C1').values = [['ok']];
      await ctx.sync();
    });
    // Workbook protection is ExcelApi 1.7.
    const old = new SimExcel(undefined, { excelApi: 6 });
    expect(await code(old.run(async (ctx) => {
      ctx.workbook.protection.load('protected');
      await ctx.sync();
    }))).toBe('ApiNotFound');
  });

  it('rejects values, formulas and number formats of the wrong dimensions and writes nothing of them', async () => {
    const sim = book();
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange('C1:C3').values = [['x'], ['y']];
      await ctx.sync();
    }))).toBe('InvalidArgument');
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange('C1:D1').numberFormat = [['@']];
      await ctx.sync();
    }))).toBe('InvalidArgument');
    expect(sim.model.findSheet('Orders')!.value(0, 2)).toBe('');
  });

  it('turns =, + and - strings into formulas unless the cell is Text (@) or the string starts with an apostrophe', async () => {
    const sim = book();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Orders');
      s.getRange('D1:D5').values = [['=1+1'], ['+1'], ['-cmd'], ['-12'], ["'=1+1"]];
      const safe = s.getRange('E1:E3');
      safe.numberFormat = [['@'], ['@'], ['@']];
      safe.values = [['=HYPERLINK("http://x","y")'], ['+1'], ['-cmd']];
    });
    const s = sim.model.findSheet('Orders')!;
    expect([0, 1, 2, 3, 4].map((r) => s.isFormula(r, 3))).toEqual([true, true, true, false, false]);
    expect(s.value(2, 3)).toBe('#NAME?');
    expect(s.value(3, 3)).toBe(-12);
    expect(s.value(4, 3)).toBe('=1+1'); // the apostrophe is Excel's quote prefix, not part of the value
    expect([0, 1, 2].map((r) => [s.isFormula(r, 4), s.value(r, 4)])).toEqual([
      [false, '=HYPERLINK("http://x","y")'],
      [false, '+1'],
      [false, '-cmd'],
    ]);
  });

  it('measures the serialized request and refuses one over 5 MB before running any of it', async () => {
    const sim = book();
    const big = Array.from({ length: 300_000 }, (_, i) => [`customer number ${i}`]); // ~ 25 bytes x 300k = 7.5 MB
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange('A1').values = [['changed']];
      ctx.workbook.worksheets.getItem('Orders').getRange(`C1:C${big.length}`).values = big;
      await ctx.sync();
    }))).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.model.findSheet('Orders')!.value(0, 0)).toBe('Customer');
    expect(sim.stats.largestRequestBytes).toBeGreaterThan(5_000_000);
  });

  it('refuses a response over 5 MB and a read over 5,000,000 cells', async () => {
    const sim = book();
    const s = sim.model.findSheet('Orders')!;
    for (let r = 0; r < 300_000; r++) s.writeRaw(r, 3, `customer number ${r}`);
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange('D1:D300000').load('values');
      await ctx.sync();
    }))).toBe('ResponsePayloadSizeLimitExceeded');
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange('A1:E1000001').load('values'); // 5,000,005 cells
      await ctx.sync();
    }))).toBe('RangeExceedsLimit');
    const ok = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Orders').getRange('D1:D100000').load('values');
      await ctx.sync();
      return r.values.length;
    });
    expect(ok).toBe(100_000);
  });

  it('enforces sheet name rules and the grid size', async () => {
    const sim = book();
    const add = (name: string) => code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.add(name);
      await ctx.sync();
    }));
    expect(await add('x'.repeat(32))).toBe('InvalidArgument');
    for (const bad of ['a[b', 'a]b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b', '   ', "'quoted", 'History']) expect(await add(bad)).toBe('InvalidArgument');
    expect(await add('orders')).toBe('ItemAlreadyExists');
    expect(await add('x'.repeat(31))).toBe('no error');
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange(`A${MAX_ROWS + 1}`).load('address');
      await ctx.sync();
    }))).toBe('InvalidArgument');
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRangeByIndexes(0, 16_384, 1, 1).load('address');
      await ctx.sync();
    }))).toBe('InvalidArgument');
  });

  it('counts syncs, keeps settings as JSON, and gates API by requirement set', async () => {
    const sim = new SimExcel(undefined, { excelApi: 8 });
    sim.model.addSheet('S');
    await sim.run(async (ctx) => {
      ctx.workbook.settings.add('k', '{"version":1}');
      await ctx.sync();
      const item = ctx.workbook.settings.getItemOrNullObject('missing').load('value');
      const k = ctx.workbook.settings.getItem('k').load('value');
      const sheet = ctx.workbook.worksheets.getItemOrNullObject('S'); // nothing loaded: Excel still answers isNullObject
      expect(() => sheet.isNullObject).toThrow(SimRichApiError);
      await ctx.sync();
      expect(item.isNullObject).toBe(true);
      expect(sheet.isNullObject).toBe(false);
      expect(k.value).toBe('{"version":1}');
      await ctx.sync(); // nothing queued: no round trip
    });
    expect(sim.stats.syncs).toBe(2);
    expect(sim.stats.requests).toHaveLength(2);
    expect(sim.stats.responses[1]).toBeGreaterThan('{"version":1}'.length); // the loaded value came back
    expect(sim.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      await ctx.sync();
    }))).toBe('ApiNotFound');
    expect(await code(sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('A1:B3').values = [['k', 'v'], ['a', 1], ['b', 2]];
      s.charts.add('Pareto' as Excel.ChartType, s.getRange('A1:B3'));
      await ctx.sync();
    }))).toBe('ApiNotFound');
  });

  it('sets a hyperlink cell by cell from ExcelApi 1.7: to cells of the workbook, loadable, cleared with the cells', async () => {
    const sim = book();
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Orders');
      s.getRange('D1').values = [['Orders!B3']];
      s.getRange('D1').hyperlink = { documentReference: 'Orders!B3', screenTip: 'Go to Orders!B3' };
      const link = s.getRange('D1').load('hyperlink, values');
      await ctx.sync();
      expect(link.hyperlink).toEqual({ documentReference: 'Orders!B3', screenTip: 'Go to Orders!B3' });
      // Without textToDisplay the cell keeps its value; with it, the value is that text.
      expect(link.values).toEqual([['Orders!B3']]);
      s.getRange('E1').hyperlink = { documentReference: "'My sheet'!A1:A9", textToDisplay: 'there' };
      const e1 = s.getRange('E1').load('values');
      await ctx.sync();
      expect(e1.values).toEqual([['there']]);
    });
    const sheet = sim.model.findSheet('Orders')!;
    expect([...sheet.hyperlinks.keys()]).toEqual(['0,3', '0,4']);
    // Neither a target nor a reference that names cells: InvalidArgument.
    for (const bad of [{ screenTip: 'x' }, { documentReference: 'not a place' }, { documentReference: 'Orders!B3', screenTip: 3 }]) {
      expect(await code(sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Orders').getRange('F1').hyperlink = bad as Excel.RangeHyperlink;
        await ctx.sync();
      }))).toBe('InvalidArgument');
    }
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Orders').getRange('D1:D1').clear('All');
      await ctx.sync();
    });
    expect([...sheet.hyperlinks.keys()]).toEqual(['0,4']);
    const old = new SimExcel(undefined, { excelApi: 6 });
    old.model.addSheet('S');
    expect(await code(old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').hyperlink = { documentReference: 'S!B2' };
      await ctx.sync();
    }))).toBe('ApiNotFound');
  });

  it('adds a table, a named column and reads its data body', async () => {
    const sim = book();
    await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.add('Orders!A1:B3', true);
      t.name = 'Sales';
      t.columns.add(undefined, undefined, 'Tier');
      const body = t.getDataBodyRange().load('address, values');
      await ctx.sync();
      expect(body.address).toBe('Orders!A2:C3');
      expect(body.values).toEqual([['C1', 10, ''], ['C2', 20, '']]);
    });
    expect(sim.model.findTable('sales')!.rect).toEqual({ r0: 0, c0: 0, rows: 3, cols: 3 });
  });

  it('leaves the actions before a failure done (a batch is not a transaction) and the context dead after run', async () => {
    const sim = book();
    let escaped: Excel.Range | undefined;
    expect(await code(sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Orders');
      s.getRange('F1').values = [['first']];
      ctx.workbook.worksheets.getItem('Nope').getRange('A1').values = [['x']];
      escaped = s.getRange('A1');
      await ctx.sync();
    }))).toBe('ItemNotFound');
    expect(sim.model.findSheet('Orders')!.value(0, 5)).toBe('first');
    expect(() => escaped!.load('values')).toThrow(SimRichApiError);
  });

  it('refuses freeze panes on a hidden sheet, as real Excel does, and allows it once the sheet is visible', async () => {
    const sim = book();
    sim.model.addSheet('Hidden').visibility = 'Hidden';
    expect(await code(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Hidden').freezePanes.freezeRows(1);
      await ctx.sync();
    }))).toBe('InvalidOperation');
    await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Hidden');
      s.visibility = 'Visible';
      s.freezePanes.freezeRows(1);
      await ctx.sync();
    });
    expect(sim.model.findSheet('Hidden')!.frozenRows).toBe(1);
  });

  it('throws an injected fault for an API by name or a prefix of it, lists every API used, and runs the actions before it', async () => {
    const sim = book();
    sim.options.faults = { 'Chart.title': 'UnsupportedOperation' };
    const err = await sim.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Orders');
      sheet.getRange('D1').values = [['before']];
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:B3'), 'Columns');
      chart.title.text = 'Sales';
      sheet.getRange('D2').values = [['after']];
      return ctx.sync().then(() => undefined, (e: unknown) => e);
    });
    expect(err).toBeInstanceOf(SimRichApiError);
    expect([(err as SimRichApiError).code, (err as SimRichApiError).message, (err as SimRichApiError).debugInfo.errorLocation]).toEqual(['UnsupportedOperation', 'This operation is not supported', 'Chart.title.text']);
    const orders = sim.model.findSheet('Orders')!;
    expect([orders.value(0, 3), orders.value(1, 3), orders.charts.length]).toEqual(['before', '', 1]);
    expect([...sim.stats.apis]).toEqual(expect.arrayContaining(['Range.values', 'ChartCollection.add', 'Chart.title.text']));
  });
});
