export { EducationTokenBuilder } from '../../index'
