/**
 * The heatmap's colours: a diverging blue/orange scale around 50 % maker share (Okabe-Ito's pair, so
 * it survives the common colour-vision deficiencies). Each step has an ink with enough contrast for
 * the number printed in the cell, so the value never depends on the colour alone.
 */
export interface HeatStep {
  /** Lower bound of the step, as a fraction. */
  from: number;
  fill: string;
  ink: string;
  label: string;
}

export const HEAT_STEPS: readonly HeatStep[] = [
  { from: 0, fill: '#b65f00', ink: '#ffffff', label: 'under 20 %' },
  { from: 0.2, fill: '#e69f00', ink: '#2b1800', label: '20–35 %' },
  { from: 0.35, fill: '#f6d38a', ink: '#3b2200', label: '35–50 %' },
  { from: 0.5, fill: '#bfe0f5', ink: '#0b2f4a', label: '50–65 %' },
  { from: 0.65, fill: '#56b4e9', ink: '#0b2f4a', label: '65–80 %' },
  { from: 0.8, fill: '#0072b2', ink: '#ffffff', label: '80 % and more' },
];

export function heatStep(share: number): HeatStep {
  let step = HEAT_STEPS[0] as HeatStep;
  for (const candidate of HEAT_STEPS) if (share >= candidate.from) step = candidate;
  return step;
}

export const SUPPRESSED_PATTERN = 'repeating-linear-gradient(135deg, #e2e8f0 0 2px, #f8fafc 2px 7px)';
