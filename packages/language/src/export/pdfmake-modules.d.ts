// pdfmake 0.3 ships no type declarations: the two modules the PDF export imports, as it uses them.
declare module 'pdfmake' {
    const pdfmake: unknown;
    export default pdfmake;
}
declare module 'pdfmake/build/vfs_fonts.js' {
    const vfs: Record<string, string>;
    export default vfs;
}
