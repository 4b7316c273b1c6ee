import type { ThresholdPoint } from '../../api/types';

export interface Rates {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/** Precision, recall, F1 and accuracy of a point's counts; a rate with nothing to divide by is 0 (as the API computes them). */
export function rates(p: ThresholdPoint): Rates {
  const { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn } = p;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const total = tp + fp + tn + fn;
  return { precision, recall, f1, accuracy: total === 0 ? 0 : (tp + tn) / total };
}

/** The index of the stored point that stands for a threshold: the lowest at or above it, else the highest (points are sorted ascending). */
export function pointIndexAt(points: ThresholdPoint[], threshold: number): number {
  const i = points.findIndex((p) => p.threshold >= threshold - 1e-12);
  return i < 0 ? points.length - 1 : i;
}
