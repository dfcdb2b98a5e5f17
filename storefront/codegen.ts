// Types and typed documents from the backend's committed schema (../schema.graphql, which a
// backend test keeps equal to the live schema). `npm run codegen:check` regenerates into a
// temporary folder and fails when src/gql differs, so a breaking schema change fails CI.
import type { CodegenConfig } from '@graphql-codegen/cli';

const out = process.env.CODEGEN_OUT ?? 'src/gql/';

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        // Known scalars get exact types; a scalar added later is `unknown` until it is used
        // (then it needs an entry here), so adding one does not break the build.
        defaultScalarType: 'unknown',
        scalars: { Date: 'string', DateTime: 'string', Decimal: 'string', Upload: 'File', BigInt: 'number | string', JSONString: 'string' },
      },
    },
  },
};

export default config;
