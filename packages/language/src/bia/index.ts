export * from './bia-merge.js';
export * from './bia-read.js';
export * from './bia-sheets.js';
export * from './bia-workbook.js';
