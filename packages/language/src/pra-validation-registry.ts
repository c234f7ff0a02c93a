import { ValidationRegistry, type AstNode, type MaybePromise, type ValidationAcceptor } from 'langium';

/**
 * Langium's registry catches the exception of a check, logs it and reports a code-less error that
 * reads like a finding. Here nothing is caught: the exception reaches PraDocumentValidator, which
 * turns it into the one `internal-error` of the file (never a clean result, never a lost stack).
 */
export class PraValidationRegistry extends ValidationRegistry {
    protected override async handleException(functionality: () => MaybePromise<void>, _messageContext: string,
        _accept: ValidationAcceptor, _node: AstNode): Promise<void> {
        await functionality();
    }
}
