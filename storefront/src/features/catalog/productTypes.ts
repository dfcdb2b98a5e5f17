/** The product page's data, as the ProductDetail query answers it. */
import type { ProductDetailQuery } from '../../gql/graphql';

export type Product = NonNullable<ProductDetailQuery['product']>;
export type Variant = Product['variants'][number];
export type AttributeValues = Product['attributes'][number];
