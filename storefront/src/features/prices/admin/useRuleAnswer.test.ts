import { act, renderHook } from '@testing-library/react';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { useRuleAnswer } from './useRuleAnswer';

describe("a price rules mutation's answer", () => {
  it('is done when the API neither failed nor refused', () => {
    const { result } = renderHook(() => useRuleAnswer());
    let done = false;
    act(() => {
      done = result.current.settle(undefined, []);
    });
    expect(done).toBe(true);
    expect(result.current.problems).toEqual([]);
    expect(result.current.refusals).toEqual([]);
  });

  it('keeps the refusals to show, and a failure to reach the API as a problem', () => {
    const { result } = renderHook(() => useRuleAnswer());
    let done = true;
    act(() => {
      done = result.current.settle(undefined, [{ field: 'name', code: 'UNIQUE', message: 'taken' }]);
    });
    expect(done).toBe(false);
    expect(result.current.refusals.map((e) => e.code)).toEqual(['UNIQUE']);

    act(() => {
      done = result.current.settle(new CombinedError({ networkError: new Error('offline') }), undefined);
    });
    expect(done).toBe(false);
    expect(result.current.problems).toEqual([{ code: 'NETWORK_ERROR', detail: 'offline' }]);

    act(() => result.current.clearRefusals());
    expect(result.current.refusals).toEqual([]);
    expect(result.current.problems).toHaveLength(1);
    act(() => result.current.clear());
    expect(result.current.problems).toEqual([]);
  });
});
