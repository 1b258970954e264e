// Prints the current authenticator code of the demo staff (see ./demo-totp.ts), valid for up to 30 seconds.
import { totpCode } from "@/features/second-factor/totp";
import { DEMO_TOTP_SECRET } from "./demo-totp";

console.log(totpCode(DEMO_TOTP_SECRET));
