import { actionInputs, NotImplementedError, runAction } from '../../../src/action.js';
import { readAzureSettings } from '../../../src/azure.js';
import { parseChoice, required } from '../../../src/inputs.js';

await runAction(async () => {
  parseChoice(
    'command',
    required('command', actionInputs('command'), 'allowed: promote, rollback, abort, status, teardown'),
    ['promote', 'rollback', 'abort', 'status', 'teardown'] as const,
  );
  readAzureSettings(actionInputs);
  required('resource-group', actionInputs('resource-group'));
  throw new NotImplementedError('blue-green');
});
