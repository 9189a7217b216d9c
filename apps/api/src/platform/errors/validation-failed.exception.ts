import { type ValidationError } from 'class-validator';

/** Thrown by the global ValidationPipe; carries which fields failed and why. */
export class ValidationFailedException extends Error {
  readonly details: { field: string; problems: string[] }[];

  constructor(errors: ValidationError[]) {
    super('validation failed');
    this.details = flatten(errors);
  }
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.keys(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
