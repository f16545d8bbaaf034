/** dist/editor.cjs: Inquirer's editor prompt (with its encoding tables), loaded only when a section is written in $EDITOR. */
export { default as editor } from '@inquirer/editor';
