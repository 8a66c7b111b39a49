import { useState, type DragEvent } from 'react';
import { isUrl } from '../../../shared/trax-retail/rules';
import { useImagePreview } from './queries';
import { VendorPicture } from '../../ui/VendorPicture';

/** A picture column's cell: its thumbnail (a public address as is, a local file through the main process) and its name. */
export function ImageCell(props: { draftId: string; value: string; known: boolean; testId: string; onFiles: (files: File[]) => void; onPick: () => void }) {
  const { draftId, value, known, testId, onFiles, onPick } = props;
  const [over, setOver] = useState(false);
  const local = value !== '' && !isUrl(value) && known ? value : null;
  const preview = useImagePreview(draftId, local);
  const remote = value !== '' && /^https:\/\//i.test(value) ? value : null;
  const src = preview.data?.dataUrl ?? null;
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files].filter((f) => f.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|bmp|tiff?)$/i.test(f.name));
    if (files.length > 0) onFiles(files.slice(0, 1));
  };
  return (
    <span
      className={over ? 'image-cell drop-target' : 'image-cell'}
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
      <span className="image-name">{value}</span>
      <button
        type="button"
        className="attach"
        title="Choose a picture file"
        aria-label="Choose a picture file"
        data-testid={`${testId}-attach`}
        onClick={(e) => {
          e.stopPropagation();
          onPick();
        }}
      >
        …
      </button>
    </span>
  );
}
