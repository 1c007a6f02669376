import { parseDocument } from 'htmlparser2';
import { isTag, isText } from 'domhandler';
import type { ChildNode, Document, Element } from 'domhandler';
import { ParseError } from '../errors.js';
import { maxTagDepth } from './markup-depth.js';

/** Parses OOXML; element and attribute names keep their prefixes ("w:p", "w:val"). */
export function parseXml(xml: string): Document {
  // Word writes a few dozen levels; thousands only come from a crafted file, and would cost quadratic time.
  if (maxTagDepth(xml, false) > 2000)
    throw new ParseError('corrupt_container', 'The XML nests elements too deeply');
  return parseDocument(xml, { xmlMode: true });
}

/** The name without its namespace prefix: "w:p" → "p". */
export function localName(element: Element): string {
  const colon = element.name.indexOf(':');
  return colon === -1 ? element.name : element.name.slice(colon + 1);
}

export function childElements(node: { children: ChildNode[] }): Element[] {
  return node.children.filter(isTag);
}

export function firstChild(node: { children: ChildNode[] }, name: string): Element | undefined {
  return node.children.find((child): child is Element => isTag(child) && localName(child) === name);
}

export function childrenNamed(node: { children: ChildNode[] }, name: string): Element[] {
  return node.children.filter((child): child is Element => isTag(child) && localName(child) === name);
}

/** An attribute by its local name ("val" finds "w:val"). */
export function attr(element: Element | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const direct = element.attribs[`w:${name}`] ?? element.attribs[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(element.attribs)) {
    if (key.endsWith(`:${name}`)) return value;
  }
  return undefined;
}

/** The w:val of a child element, e.g. valOf(lvl, 'numFmt'). */
export function valOf(element: Element | undefined, child: string): string | undefined {
  return element ? attr(firstChild(element, child), 'val') : undefined;
}

export function intVal(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** OOXML booleans: present with no value, or "1"/"true"/"on". */
export function onOff(element: Element | undefined): boolean {
  if (!element) return false;
  const value = attr(element, 'val');
  return value === undefined || value === '1' || value === 'true' || value === 'on';
}

/** All text under a node, in document order. */
export function textContent(node: ChildNode | Document): string {
  if (isText(node)) return node.data;
  if ('children' in node) return node.children.map((child) => textContent(child)).join('');
  return '';
}

/** Depth-first search for the first element with this local name. */
export function findFirst(node: { children: ChildNode[] }, name: string): Element | undefined {
  const stack: ChildNode[] = [...node.children].reverse();
  while (stack.length > 0) {
    const current = stack.pop();
    if (current && isTag(current)) {
      if (localName(current) === name) return current;
      for (let i = current.children.length - 1; i >= 0; i--) {
        const child = current.children[i];
        if (child) stack.push(child);
      }
    }
  }
  return undefined;
}
