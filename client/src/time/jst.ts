// The Japan-time helpers are the contract's, shared with the server and the kiosk; this module
// keeps the staff app's imports short.
export * from '@madoguchi/contract/japan-time';
