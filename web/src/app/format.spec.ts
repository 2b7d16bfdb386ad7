import { formatDuration } from './format';

describe('formatDuration', () => {
  it('reads as a person would say it', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(5_000)).toBe('5 s');
    expect(formatDuration(65_000)).toBe('1 min 5 s');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
    expect(formatDuration(null)).toBe('—');
  });
});
