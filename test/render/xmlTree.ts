/**
 * A strict XML parse into a small tree, for the renderer tests: sax in strict mode rejects
 * anything that is not well-formed (an unescaped `<` or `&`, a mismatched tag, a duplicate attribute).
 */
// sax ships no types; this is the little of it the tests use.
interface SaxParser {
  onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  onerror: (error: Error) => void;
  write(xml: string): SaxParser;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sax = require('sax') as { parser(strict: boolean, options: { xmlns?: boolean; position?: boolean }): SaxParser };

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { position: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.onopentag = node => {
    const element: XmlElement = { name: node.name, attributes: node.attributes, children: [] };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => { stack.pop(); };
  parser.ontext = text => { stack[stack.length - 1]!.children.push(text); };
  parser.oncdata = text => { stack[stack.length - 1]!.children.push(text); };
  parser.onerror = error => { throw error; };
  parser.write(xml).close();
  const elements = root.children.filter((child): child is XmlElement => typeof child !== 'string');
  if (elements.length !== 1) throw new Error(`expected one root element, found ${elements.length}`);
  return elements[0]!;
}

/** Every element below (and including) `element`, in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(child => (typeof child === 'string' ? [] : descendants(child)))];
}

export function textOf(element: XmlElement): string {
  return element.children.map(child => (typeof child === 'string' ? child : textOf(child))).join('');
}

export function hasClass(element: XmlElement, name: string): boolean {
  return (element.attributes.class ?? '').split(/\s+/).includes(name);
}

/** The text of an element's own `<title>` child (its tooltip). */
export function titleOf(element: XmlElement): string | undefined {
  const title = element.children.find((child): child is XmlElement => typeof child !== 'string' && child.name === 'title');
  return title && textOf(title);
}
