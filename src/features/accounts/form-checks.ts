import { checkedWith } from "@/components/form-validation";
import { changeEmailSchema, forgotPasswordSchema, resetPasswordFormSchema, signInSchema } from "./form-schemas";

/**
 * The browser-side checks of the accounts forms, made from their actions'
 * schemas. Forms load this module when the user first focuses them
 * (`<ActionForm validate={() => import(...)}>`), so zod is not part of the
 * page's first load.
 */
export const signInCheck = checkedWith(signInSchema);
export const forgotPasswordCheck = checkedWith(forgotPasswordSchema);
export const resetPasswordCheck = checkedWith(resetPasswordFormSchema);
export const changeEmailCheck = checkedWith(changeEmailSchema);
