import axe from 'axe-core';

/**
 * axe on the whole body, every rule but `color-contrast` (it needs real layout, which jsdom
 * doesn't have; the stories check it in Chromium). Nothing is left out.
 */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
