/**
 * The demo staff's authenticator-app key: staff must sign in with a second
 * factor, so the demo seed enrols this key for them. Add it to an
 * authenticator app, or print the current code with `npm run demo:code`.
 * Demo data only: never used outside the seed.
 */
export const DEMO_TOTP_SECRET = "KRSXG5CTMVRXEZLUNZ2XGZLDOJSXI4ZA";
