/**
 * Connection requests: a supplier asks a customer in the directory to connect;
 * the customer's contact (by an emailed link) or support staff decide. Every
 * change is one transaction with its history event and audit row.
 *
 * The functions live in one file per stage; this module is the feature's one
 * entry point for routes, other features and tests:
 * - ./create.ts     sending a request (rules, CAPTCHA, auto-approval)
 * - ./lifecycle.ts  staff decisions, cancelling, expiry
 * - ./respond.ts    the contact's email, its respond link and answer
 * - ./list.ts       the table, the CSV export, history, suggestions
 */
export { checkContact, requestConnection, type CreateOutcome, type RequestError } from "./create";
export { cancelRequest, decideRequest, expireStale, type DecideOutcome, type SupplierActor } from "./lifecycle";
export { findByRespondToken, reissueRespondLink, respondToRequest } from "./respond";
export { exportRequests, listRequests, PAGE_SIZE, requestHistory, suggestions, type RequestRow, type Suggestion } from "./list";
