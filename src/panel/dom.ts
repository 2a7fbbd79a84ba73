/**
 * Clobber-proof access to the document. A page can shadow `document.title`, `document.documentElement`
 * or `document.querySelectorAll` with `<img name="…">` / `<form name="…">` (named properties override
 * built-ins on Document, in every world), so the content script reads them through the prototypes of
 * its own world, which the page cannot touch.
 */
const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)!.get!;

/** Taken on first use (WXT also evaluates this module in Node at build time, where there is no DOM). */
let native:
  | {
      root: () => unknown;
      title: () => unknown;
      active: () => unknown;
      queryAll: Document['querySelectorAll'];
      query: Document['querySelector'];
      create: Document['createElement'];
      walker: Document['createTreeWalker'];
      listen: EventTarget['addEventListener'];
      selection: Document['getSelection'];
    }
  | undefined;
const n = () =>
  (native ??= {
    root: getter(Document.prototype, 'documentElement'),
    title: getter(Document.prototype, 'title'),
    active: getter(Document.prototype, 'activeElement'),
    queryAll: Document.prototype.querySelectorAll,
    query: Document.prototype.querySelector,
    create: Document.prototype.createElement,
    walker: Document.prototype.createTreeWalker,
    listen: EventTarget.prototype.addEventListener,
    selection: Document.prototype.getSelection,
  });

export const doc = {
  root: (): HTMLElement | null => n().root.call(document) as HTMLElement | null,
  title: (): string => String(n().title.call(document) ?? ''),
  active: (): Element | null => n().active.call(document) as Element | null,
  all: (selector: string): NodeListOf<Element> => n().queryAll.call(document, selector) as NodeListOf<Element>,
  one: (selector: string): Element | null => n().query.call(document, selector) as Element | null,
  create: (tag: string): HTMLElement => n().create.call(document, tag) as HTMLElement,
  /** The text nodes under `root`, in document order. */
  texts: (root: Node): TreeWalker => n().walker.call(document, root, NodeFilter.SHOW_TEXT),
  /** The text the user selected on the page, as the browser holds it (the page may have changed it: the panel shows it before saving). */
  selection: (): string | undefined => n().selection.call(document)?.toString(),
  listen: (target: EventTarget, type: string, handler: (event: Event) => void, options: AddEventListenerOptions) =>
    n().listen.call(target, type, handler as EventListener, options),
};
