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
  chooseMedia: jest.fn(),
  previewImage: jest.fn(() => Promise.resolve()),
  pageScrollTo: jest.fn(() => Promise.resolve()),
  stopPullDownRefresh: jest.fn(),
  // No server to reach; a spec that needs a socket gives it a fake Taro SocketTask.
  connectSocket: jest.fn(() => Promise.reject({ errMsg: 'connectSocket:fail no server in unit tests' })),
  navigateTo: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  getCurrentPages: jest.fn(() => [{}]),
  redirectTo: jest.fn(() => Promise.resolve()),
  reLaunch: jest.fn(() => Promise.resolve()),
  showToast: jest.fn(() => Promise.resolve()),
  // Confirms unless a test says otherwise.
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  setClipboardData: jest.fn(() => Promise.resolve()),
  getFileSystemManager: jest.fn(() => ({ writeFile: jest.fn((options) => options.success && options.success()) })),
  env: { USER_DATA_PATH: 'http://usr' },
  getStorageSync: jest.fn((key) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key, value) => {
    storage.set(key, value);
  }),
  // Location is refused unless a test grants it (as on H5, which has no GCJ-02 location).
  getLocation: jest.fn(() => Promise.reject({ errMsg: 'getLocation:fail auth deny' })),
  requestSubscribeMessage: jest.fn(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' })),
  getScreenBrightness: jest.fn(() => Promise.resolve({ value: 0.5 })),
  setScreenBrightness: jest.fn(() => Promise.resolve({ errMsg: 'setScreenBrightness:ok' })),
  setKeepScreenOn: jest.fn(() => Promise.resolve({ errMsg: 'setKeepScreenOn:ok' })),
  // Fails as a closed payment sheet does unless a test says otherwise.
  requestPayment: jest.fn(() => Promise.reject({ errMsg: 'requestPayment:fail cancel' })),
  useLaunch: jest.fn(),
  useLoad: jest.fn(runOnMount),
  useDidShow: jest.fn(runOnMount),
  // Never called on their own; a test that needs them calls the registered callback.
  useDidHide: jest.fn(),
  useReachBottom: jest.fn(),
  usePullDownRefresh: jest.fn(),
  useRouter: jest.fn(() => ({ params: {} })),
  __storage: storage,
};

module.exports = { __esModule: true, default: Taro, ...Taro };
