import { describe, expect, it } from 'vitest';
import { pointIndexAt, rates } from './thresholdMath';

const point = (threshold: number, tp: number, fp: number, tn: number, fn: number) => ({
  threshold, truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn,
});

describe('threshold rates', () => {
  it('counts precision, recall, F1 and accuracy as a person would', () => {
    const r = rates(point(0.65, 3, 1, 5, 1));
    expect(r.precision).toBeCloseTo(0.75);
    expect(r.recall).toBeCloseTo(0.75);
    expect(r.f1).toBeCloseTo(0.75);
    expect(r.accuracy).toBeCloseTo(0.8);
    expect(rates(point(0.99, 0, 0, 6, 4)).precision).toBe(0);
  });

  it('finds the stored point that stands for a threshold', () => {
    const points = [point(0.2, 4, 6, 0, 0), point(0.5, 3, 2, 4, 1), point(0.8, 1, 0, 6, 3)];
    expect(pointIndexAt(points, 0.5)).toBe(1);
    expect(pointIndexAt(points, 0.6)).toBe(2);
    expect(pointIndexAt(points, 0.95)).toBe(2);
    expect(pointIndexAt(points, 0.01)).toBe(0);
  });
});
