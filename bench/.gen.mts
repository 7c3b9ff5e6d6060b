import { cameraLesson, screenLesson, slideLesson } from './media.js';
console.log(await slideLesson());
console.log(await screenLesson());
console.log(await cameraLesson());
