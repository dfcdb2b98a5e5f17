import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { Product } from './productTypes';

/** The product's large picture with thumbnails to switch between its images. */
export function ProductGallery({ product }: { product: Product }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [index, setIndex] = useState(0);
  const images = product.images;
  const current = images[Math.min(index, images.length - 1)];
  if (!current) {
    return (
      <div className="product-gallery">
        <div className="product-gallery__main product-gallery__main--empty">{t('product.noImage')}</div>
      </div>
    );
  }
  return (
    <div className="product-gallery">
      <img
        className="product-gallery__main"
        src={current.large.url}
        alt={current.alt || product.name}
        width={512}
        height={512}
      />
      {images.length > 1 && (
        <ul className="product-gallery__thumbs" aria-label={t('product.images')}>
          {images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                aria-pressed={i === index}
                aria-label={t('product.showImage', { number: format.number(i + 1) })}
                onClick={() => setIndex(i)}
              >
                <img src={image.small.url} alt="" width={64} height={64} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
