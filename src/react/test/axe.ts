import axe from 'axe-core';

/**
 * axe on the whole body, every rule but `color-contrast` (it needs real layout, which jsdom
 * doesn't have; the stories check it in Chromium).
 *
 * Two kinds of node are left out, both Radix's and not this kit's: the focus guards, and the
 * app's background that an open modal marks `aria-hidden` (with `data-aria-hidden`). axe flags
 * them as aria-hidden-focus because it can't see Radix's focus trap
 * (radix-ui/primitives#3593, fix pending in #3822). The modal itself is checked in full.
 */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(
    { include: [document.body], exclude: [['[data-radix-focus-guard]'], ['[data-aria-hidden="true"]']] },
    { rules: { 'color-contrast': { enabled: false } } },
  );
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
