import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { extractRules } from './pdf-rules.js';

const MOVE = 0;
const LINE = 1;
const CLOSE = 4;

function path(paint: number, ...coords: number[]): [number, [Float32Array], null] {
  return [paint, [new Float32Array(coords)], null];
}

describe('extractRules', () => {
  it('reads stroked lines and rectangle edges through the current transform, and thin filled boxes as rules', () => {
    const list = {
      fnArray: [
        OPS.save,
        OPS.transform,
        OPS.constructPath,
        OPS.restore,
        OPS.constructPath,
        OPS.constructPath,
        OPS.constructPath,
      ],
      argsArray: [
        null,
        [1, 0, 0, 1, 10, 20],
        // A stroked line from (0,0) to (100,0), moved by the transform to y = 20.
        path(OPS.stroke, MOVE, 0, 0, LINE, 100, 0),
        null,
        // A stroked rectangle: four edges, outside the restored transform.
        path(OPS.stroke, MOVE, 50, 50, LINE, 150, 50, LINE, 150, 80, LINE, 50, 80, CLOSE),
        // A filled hairline box: a vertical rule.
        path(OPS.fill, MOVE, 200, 0, LINE, 200.5, 0, LINE, 200.5, 90, LINE, 200, 90, CLOSE),
        // A filled shading box and a path only clipped (endPath): neither is a rule.
        path(OPS.fill, MOVE, 0, 0, LINE, 300, 0, LINE, 300, 40, LINE, 0, 40, CLOSE),
      ],
    };
    list.fnArray.push(OPS.constructPath);
    list.argsArray.push(path(OPS.endPath, MOVE, 0, 0, LINE, 595, 0));
    const rules = extractRules(list, OPS);
    expect(rules.horizontal).toEqual([
      { y: 20, x0: 10, x1: 110 },
      { y: 50, x0: 50, x1: 150 },
      { y: 80, x0: 50, x1: 150 },
    ]);
    expect(rules.vertical).toEqual([
      { x: 150, y0: 50, y1: 80 },
      { x: 50, y0: 50, y1: 80 },
      { x: 200.25, y0: 0, y1: 90 },
    ]);
  });

  it('skips diagonal strokes and curves, and tolerates malformed operator arguments', () => {
    const list = {
      fnArray: [OPS.constructPath, OPS.constructPath, OPS.transform, OPS.constructPath, OPS.restore],
      argsArray: [
        path(OPS.stroke, MOVE, 0, 0, LINE, 100, 100),
        path(OPS.stroke, MOVE, 0, 0, 2, 10, 10, 20, 20, 30, 0, LINE, 60, 0),
        ['not', 'a', 'matrix'],
        [OPS.stroke, 'garbage'],
        null,
      ],
    };
    expect(extractRules(list, OPS)).toEqual({ horizontal: [], vertical: [] });
  });
});
