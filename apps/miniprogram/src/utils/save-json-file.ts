import Taro from '@tarojs/taro';

export type SavedFile =
  /** H5: the browser downloaded the file. */
  | { kind: 'downloaded'; fileName: string }
  /** WeChat: written to the mini-program's user data folder, which the member cannot browse by themselves. */
  | { kind: 'written'; filePath: string };

/**
 * Saves a JSON document where the member can keep it: a file download in the browser, a file under
 * `USER_DATA_PATH` in WeChat (where `openDocument` cannot show JSON, so callers also offer the clipboard).
 */
export async function saveJsonFile(fileName: string, text: string): Promise<SavedFile> {
  if (process.env.TARO_ENV === 'h5') {
    downloadInBrowser(fileName, text);
    return { kind: 'downloaded', fileName };
  }
  const filePath = `${Taro.env.USER_DATA_PATH ?? ''}/${fileName}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: text,
      encoding: 'utf8',
      success: () => resolve(),
      fail: (failure) => reject(new Error(failure.errMsg)),
    });
  });
  return { kind: 'written', filePath };
}

function downloadInBrowser(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  // The download has started from the click; the object URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
