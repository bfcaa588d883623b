import { describe, expect, it } from 'vitest';
import { countSeries, scrapeIntervalFor } from './telemetry';

describe('telemetry benchmark helpers', () => {
  it('counts the series of a Prometheus text exposition, not its comments', () => {
    const text = '# HELP x_total X.\n# TYPE x_total counter\nx_total{a="1"} 3\nx_total{a="2"} 4\n\ny 1';
    expect(countSeries(text)).toBe(3);
    expect(countSeries('')).toBe(0);
  });

  it('scrapes larger clusters less often, so one scrape ends before the next', () => {
    expect(scrapeIntervalFor(110)).toBe(5);
    expect(scrapeIntervalFor(1100)).toBe(15);
    expect(scrapeIntervalFor(11000)).toBeGreaterThan(10);
  });
});
