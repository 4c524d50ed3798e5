import { getEngineInfo } from 'berth';

describe('engine (real)', () => {
  it('negotiates an API version with the running engine', async () => {
    const info = await getEngineInfo();
    expect(info.apiVersion).toMatch(/^1\.\d+$/);
    expect(Number(info.apiVersion.split('.')[1])).toBeGreaterThanOrEqual(Number(info.minApiVersion.split('.')[1]));
    expect(info.isPodman).toBe(false);
    expect(info.host).toBe('localhost');
  });
});
