/** A file the user named that cannot be used: reported as one line, never a stack trace. */
export class PraInputError extends Error {
    constructor(readonly file: string, reason: string) {
        super(`${file}: ${reason}`);
    }
}
