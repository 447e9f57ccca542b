// One error class for REST and socket failures, shared with the kiosk and the call core: it
// lives in the contract so every client reads the server's code the same way.
export { ApiError } from '@madoguchi/contract/api-error';
