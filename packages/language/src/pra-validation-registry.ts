import { ValidationRegistry, type AstNode, type MaybePromise, type ValidationAcceptor, type ValidationCheck } from 'langium';

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

    /**
     * A check is called as it is: nothing is caught here anyway, and the async wrapper Langium puts
     * around each check cost three promises per check and AST node (≈ 200,000 nodes at 5,000
     * activities). PraDocumentValidator awaits only the checks that return a promise.
     */
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => check.call(thisObj, node, accept, cancelToken);
    }
}
