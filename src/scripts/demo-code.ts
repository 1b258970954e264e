// Prints the current authenticator code of the demo staff (see prisma/demo-totp.ts), valid for up to 30 seconds.
import { totpCode } from "@/features/second-factor/totp";
import { DEMO_TOTP_SECRET } from "../../prisma/demo-totp";

console.log(totpCode(DEMO_TOTP_SECRET));
