import { engineCallUnless } from '../../../src/engine/engine-error';
import { EngineRequestError } from '../../../src/errors';

const httpError = (statusCode: number, message: string): Error => Object.assign(new Error(message), { statusCode, json: { message } });

describe('engineCallUnless', () => {
  it('resolves the answer, and undefined for an expected status', async () => {
    await expect(engineCallUnless('Inspect image x', [404], () => Promise.resolve(7))).resolves.toBe(7);
    await expect(engineCallUnless('Inspect image x', [404], () => Promise.reject(httpError(404, 'no such image')))).resolves.toBeUndefined();
    await expect(engineCallUnless('Stop container x', [304, 404], () => Promise.reject(httpError(304, '')))).resolves.toBeUndefined();
  });

  it('rejects any other failure with EngineRequestError naming the operation and the engine message', async () => {
    const error = (await engineCallUnless('Inspect image x', [404], () => Promise.reject(httpError(500, 'boom'))).catch((e: unknown) => e)) as EngineRequestError;
    expect(error).toBeInstanceOf(EngineRequestError);
    expect(error.message).toContain('Inspect image x');
    expect(error.message).toContain('boom');
    const transport = await engineCallUnless('Inspect image x', [404], () => Promise.reject(new Error('socket hang up'))).catch((e: unknown) => e);
    expect(transport).toBeInstanceOf(EngineRequestError);
  });
});
