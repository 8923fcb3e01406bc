/**
 * Prints the recovery codes alone: a hidden iframe holds a plain page with the title and the
 * numbered codes (built node by node, no HTML strings), so the app's page never reaches the
 * printer and nothing leaves the browser.
 */
export function printCodes(title: string, codes: string[]): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;opacity:0';
  document.body.append(frame);
  const doc = frame.contentDocument;
  const view = frame.contentWindow;
  if (!doc || !view) return frame.remove();
  doc.title = title;
  const heading = doc.createElement('h1');
  heading.textContent = title;
  heading.style.font = '600 18px system-ui, sans-serif';
  const list = doc.createElement('ol');
  list.style.font = '15px ui-monospace, Menlo, monospace';
  list.style.lineHeight = '2';
  for (const code of codes) {
    const item = doc.createElement('li');
    item.textContent = code;
    list.append(item);
  }
  doc.body.append(heading, list);
  // The frame goes once the print dialog closes (print() blocks until then in most browsers).
  view.addEventListener('afterprint', () => frame.remove(), { once: true });
  view.focus();
  view.print();
}
