// The size budget's path (.size-limit.json): what an app pulls in to prompt.
export { MfaProvider, usePromptMfaAuth } from './index';
