/** A horizontal ruling line in page space (y grows upward), x0 < x1. */
export interface HRule {
  y: number;
  x0: number;
  x1: number;
}

/** A vertical ruling line in page space, y0 < y1. */
export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

export interface Rules {
  horizontal: HRule[];
  vertical: VRule[];
}

/** The pdf.js operator codes the rule reader looks at (pdfjs `OPS`), passed in so this file stays pure. */
export interface RuleOpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** pdf.js DrawOPS codes inside a constructPath buffer. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE_PATH = 4;
/** Bounds the work on hostile pages: beyond this many rules a page is treated as drawing, not a table. */
export const MAX_RULES_PER_PAGE = 5000;
const MAX_STACK = 256;
/** A filled rectangle thinner than this (pt) is a drawn rule; a wider one is shading. */
const THIN = 3;
/** A stroke at most this far off the axis still counts as straight. */
const SKEW = 0.5;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function asMatrix(value: unknown): Matrix | null {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return null;
  const numbers = Array.from(value as ArrayLike<unknown>);
  if (numbers.length < 6 || !numbers.slice(0, 6).every((n) => typeof n === 'number' && Number.isFinite(n)))
    return null;
  return numbers.slice(0, 6) as Matrix;
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Adds the straight, axis-aligned part of a segment; diagonal strokes are not table rules. */
function addSegment(rules: Rules, ax: number, ay: number, bx: number, by: number): void {
  if (![ax, ay, bx, by].every(Number.isFinite)) return;
  if (Math.abs(ay - by) <= SKEW && Math.abs(ax - bx) > SKEW) {
    rules.horizontal.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
  } else if (Math.abs(ax - bx) <= SKEW && Math.abs(ay - by) > SKEW) {
    rules.vertical.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  }
}

function count(rules: Rules): number {
  return rules.horizontal.length + rules.vertical.length;
}

/** A filled axis-aligned box: thin ones are rules, drawn as their centre line. */
function addFilledBox(rules: Rules, points: [number, number][]): void {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const aligned = points.every(
    (p) =>
      (Math.abs(p[0] - x0) <= SKEW || Math.abs(p[0] - x1) <= SKEW) &&
      (Math.abs(p[1] - y0) <= SKEW || Math.abs(p[1] - y1) <= SKEW),
  );
  if (!aligned) return;
  if (y1 - y0 <= THIN && x1 - x0 > y1 - y0) rules.horizontal.push({ y: (y0 + y1) / 2, x0, x1 });
  else if (x1 - x0 <= THIN && y1 - y0 > x1 - x0) rules.vertical.push({ x: (x0 + x1) / 2, y0, y1 });
}

interface Subpath {
  points: [number, number][];
  closed: boolean;
}

/** Splits a pdf.js path buffer into transformed polylines; curves end a polyline (they are not rules). */
function subpaths(buffer: ArrayLike<number>, m: Matrix): Subpath[] {
  const result: Subpath[] = [];
  let current: Subpath | null = null;
  let i = 0;
  while (i < buffer.length) {
    const op = buffer[i];
    if (op === MOVE_TO || op === LINE_TO) {
      const point = apply(m, buffer[i + 1] ?? NaN, buffer[i + 2] ?? NaN);
      if (op === MOVE_TO || current === null) {
        current = { points: [point], closed: false };
        result.push(current);
      } else current.points.push(point);
      i += 3;
    } else if (op === CURVE_TO) {
      current = null;
      i += 7;
    } else if (op === QUAD_TO) {
      current = null;
      i += 5;
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true;
      current = null;
      i += 1;
    } else break;
  }
  return result;
}

/**
 * Reads the straight horizontal and vertical lines a page draws (stroked paths, and thin filled
 * rectangles), in page space, following the current transform through save/restore and form XObjects.
 */
export function extractRules(list: OperatorList, ops: RuleOpCodes): Rules {
  const rules: Rules = { horizontal: [], vertical: [] };
  const stroked = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const filled = new Set([ops.fill, ops.eoFill]);
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const length = Math.min(list.fnArray.length, list.argsArray.length);
  for (let index = 0; index < length && count(rules) < MAX_RULES_PER_PAGE; index++) {
    const fn = list.fnArray[index];
    const args = list.argsArray[index];
    if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
      if (stack.length < MAX_STACK) stack.push(ctm);
      if (fn === ops.paintFormXObjectBegin && Array.isArray(args)) {
        const matrix = asMatrix(args[0]);
        if (matrix) ctm = multiply(matrix, ctm);
      }
    } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
    } else if (fn === ops.transform) {
      const matrix = asMatrix(args);
      if (matrix) ctm = multiply(matrix, ctm);
    } else if (fn === ops.constructPath && Array.isArray(args)) {
      const paint: unknown = args[0];
      const data: unknown = args[1];
      const buffer: unknown = Array.isArray(data) ? data[0] : undefined;
      if (typeof paint !== 'number' || !(buffer instanceof Float32Array || Array.isArray(buffer))) continue;
      const isStroke = stroked.has(paint);
      if (!isStroke && !filled.has(paint)) continue;
      for (const path of subpaths(buffer as ArrayLike<number>, ctm)) {
        if (isStroke) {
          const points = path.closed && path.points[0] ? [...path.points, path.points[0]] : path.points;
          for (let k = 1; k < points.length; k++) {
            const a = points[k - 1];
            const b = points[k];
            if (a && b) addSegment(rules, a[0], a[1], b[0], b[1]);
          }
        } else if (path.points.length >= 2 && path.points.length <= 5) addFilledBox(rules, path.points);
      }
    }
  }
  return rules;
}
