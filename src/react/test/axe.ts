import axe from 'axe-core';

/**
 * What axe leaves out while a modal is open: Radix Dialog's two focus guards (empty
 * `tabindex=0` spans that only bounce focus back into the dialog) and the page it hides
 * with `aria-hidden` behind its focus trap. axe reports both as "aria-hidden element
 * focusable", though neither can take focus while the trap holds; the dialog itself is
 * checked in full.
 */
export const MODAL_AXE_EXCLUDE = ['[data-radix-focus-guard]', '[data-aria-hidden="true"]'];

/**
 * axe on the whole body, every rule but `color-contrast` (it needs real layout, which jsdom
 * doesn't have; the stories check it in Chromium).
 */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(
    { include: [document.body], exclude: MODAL_AXE_EXCLUDE.map((selector) => [selector]) },
    { rules: { 'color-contrast': { enabled: false } } },
  );
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
