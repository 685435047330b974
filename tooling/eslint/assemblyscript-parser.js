/**
 * ESLint parser for AssemblyScript sources: TypeScript syntax plus decorators on functions and
 * globals (`@inline`, `@global`, `@external(...)`...), which the TypeScript parser rejects.
 * The decorators are blanked out with spaces (so line/column positions stay exact) and the rest
 * is parsed by typescript-eslint's parser.
 */
import tseslint from 'typescript-eslint';

const AS_DECORATOR = /@(?:inline|global|unsafe|lazy|final|unmanaged|external|operator(?:\.\w+)?)(?:\([^)\n]*\))?/g;

export const meta = { name: 'cml-assemblyscript-parser' };

export function parseForESLint(code, options) {
  return tseslint.parser.parseForESLint(
    code.replace(AS_DECORATOR, (match) => ' '.repeat(match.length)),
    options,
  );
}
