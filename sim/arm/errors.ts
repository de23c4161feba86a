// ARM's error envelope: `{"error":{"code","message"}}` with the HTTP status that goes with it.

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get body(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

const FIX = 'For more details please go to https://aka.ms/ARMResourceNotFoundFix';

export const notFound = (type: string, name: string, rg: string) =>
  new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${rg}' was not found. ${FIX}`,
  );

export const groupNotFound = (rg: string) =>
  new ArmError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);

export const invalid = (message: string, code = 'InvalidParameterValue') => new ArmError(400, code, message);
