// Hand-written stand-in for @tarojs/taro: the platform APIs are jest.fn()s the tests program,
// the page hooks run the way they do on a first page show.
const { useEffect } = require('react');

const runOnMount = (callback) => {
  useEffect(() => {
    callback({});
  }, []);
};

const storage = new Map();

const Taro = {
  request: jest.fn(),
  uploadFile: jest.fn(),
  login: jest.fn(),
  chooseImage: jest.fn(),
  navigateTo: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  reLaunch: jest.fn(() => Promise.resolve()),
  showToast: jest.fn(() => Promise.resolve()),
  getStorageSync: jest.fn((key) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key, value) => {
    storage.set(key, value);
  }),
  useLaunch: jest.fn(),
  useLoad: jest.fn(runOnMount),
  useDidShow: jest.fn(runOnMount),
  useRouter: jest.fn(() => ({ params: {} })),
  __storage: storage,
};

module.exports = { __esModule: true, default: Taro, ...Taro };
