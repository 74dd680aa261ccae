import { screen } from '@testing-library/react';

/** The input labelled `label` (the label element's text, not a button's). */
export function input(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
}

/** The text a control points at with aria-describedby: its hint and, when invalid, its error. */
export function describedText(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}
