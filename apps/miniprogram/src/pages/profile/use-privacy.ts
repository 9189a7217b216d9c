import { useState } from 'react';
import Taro from '@tarojs/taro';
import { errorMessage, isApiError } from '../../services/http';
import { deleteAccount, deleteConfirmation, exportMyData } from '../../services/member.service';
import { revokeSkinConsent } from '../../services/skin.service';
import { HOME_PAGE } from '../../utils/navigation';
import { type SavedFile, saveJsonFile } from '../../utils/save-json-file';

export const EXPORT_FILE_NAME = 'glow-my-data.json';

const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon });

/** The member's data rights (PIPL): export everything, withdraw the skin-data consent, delete the account. */
export function usePrivacy() {
  const [exporting, setExporting] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [phrase, setPhrase] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const exportData = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      const text = JSON.stringify(await exportMyData(), null, 2);
      let saved: SavedFile | null = null;
      try {
        saved = await saveJsonFile(EXPORT_FILE_NAME, text);
      } catch {
        // WeChat could not write the file (storage full, say); the clipboard below still works.
      }
      if (saved?.kind === 'downloaded') {
        toast('数据已下载', 'success');
        return;
      }
      const { confirm } = await Taro.showModal({
        title: '数据已导出',
        content: saved
          ? `已保存为小程序文件：${saved.filePath}\n你也可以复制全部数据（JSON），粘贴到聊天或备忘录中保存。`
          : '文件保存失败。你可以复制全部数据（JSON），粘贴到聊天或备忘录中保存。',
        confirmText: '复制数据',
        cancelText: '关闭',
      });
      if (confirm) await Taro.setClipboardData({ data: text });
    } catch (error) {
      toast(isApiError(error) ? error.message : '导出失败，请稍后再试');
    } finally {
      setExporting(false);
    }
  };

  const revokeSkin = async () => {
    if (revoking) return;
    const { confirm } = await Taro.showModal({
      title: '撤回肤质数据授权',
      content: '撤回后，我们将立即删除你的全部肤质测试答案、测试记录与肤质报告，且无法恢复，顾问也将无法再查看。之后再做肤质测试需要重新授权。',
      confirmText: '确认撤回',
      confirmColor: '#c4362b',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setRevoking(true);
    try {
      await revokeSkinConsent();
      toast('已撤回授权，肤质数据已删除');
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setRevoking(false);
    }
  };

  const confirmDelete = async () => {
    if (deleting || phrase.trim() !== deleteConfirmation) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await deleteAccount(phrase.trim());
      setDeleteOpen(false);
      toast('账号已注销', 'success');
      // A fresh start: the home page signs in again and finds a WeChat user who has not joined.
      void Taro.reLaunch({ url: HOME_PAGE });
    } catch (error) {
      setDeleteError(errorMessage(error));
    } finally {
      setDeleting(false);
    }
  };

  return {
    exporting,
    exportData,
    revoking,
    revokeSkin,
    deleteOpen,
    openDelete: () => {
      setPhrase('');
      setDeleteError(null);
      setDeleteOpen(true);
    },
    closeDelete: () => {
      if (!deleting) setDeleteOpen(false);
    },
    phrase,
    setPhrase,
    deletePhrase: deleteConfirmation,
    deleting,
    deleteError,
    confirmDelete,
  };
}
