import { useState, type DragEvent } from 'react';
import { isUrl } from '../../../shared/trax-retail/rules';
import type { LocalImage } from '../../../shared/trax-retail/sheet';
import { useImagePreview } from './queries';
import { VendorPicture } from '../../ui/VendorPicture';

/**
 * A picture column's cell: its thumbnail (a public address as is, a local file through the main
 * process), the name the sheet carries and, when that had to change, the file's own name beside it.
 * The "…" button is for the mouse; from the keyboard, Ctrl+O or Alt+↓ on the cell opens the picker
 * (the grid is one Tab stop, so nothing inside it takes focus).
 */
export function ImageCell(props: { draftId: string; value: string; image: LocalImage | undefined; testId: string; onFiles: (files: File[]) => void; onPick: () => void }) {
  const { draftId, value, image, testId, onFiles, onPick } = props;
  const [over, setOver] = useState(false);
  const local = value !== '' && !isUrl(value) && image ? value : null;
  const preview = useImagePreview(draftId, local);
  const remote = value !== '' && /^https:\/\//i.test(value) ? value : null;
  const src = preview.data?.dataUrl ?? null;
  const original = image && image.originalName.replace(/\.[^.]+$/, '') !== image.name ? image.originalName : null;
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files].filter((f) => f.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|bmp|tiff?)$/i.test(f.name));
    if (files.length > 0) onFiles(files.slice(0, 1));
  };
  return (
    <span
      className={over ? 'image-cell drop-target' : 'image-cell'}
      title={original ? `${value} (from “${original}”) · Ctrl+O: choose a picture file` : 'Ctrl+O: choose a picture file'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid={`${testId}-drop`}
    >
      {remote ? (
        // A public address: the app fetches the picture; the window loads nothing from elsewhere.
        <VendorPicture url={remote} alt="" className="thumb" testId={`${testId}-thumb`} placeholderClass="empty" />
      ) : src ? (
        <img src={src} alt="" className="thumb" data-testid={`${testId}-thumb`} />
      ) : (
        <span className="thumb empty" />
      )}
      <span className="image-name">
        {value}
        {original && <span className="image-original" data-testid={`${testId}-original`}> ({original})</span>}
      </span>
      <button type="button" className="attach" tabIndex={-1} title="Choose a picture file (Ctrl+O)" aria-label="Choose a picture file" data-testid={`${testId}-attach`}
        onClick={(e) => {
          e.stopPropagation();
          onPick();
        }}>
        …
      </button>
    </span>
  );
}
