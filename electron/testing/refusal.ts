import { AppError } from '../core/app-error';

/** Runs a call expected to be refused and answers its AppError (any other outcome fails the test). */
export async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
